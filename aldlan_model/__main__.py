"""Run the command line as ``python -m aldlan_model``."""

from aldlan_model.cli import main

if __name__ == "__main__":
    main()
