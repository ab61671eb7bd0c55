"""Run the command line as ``python -m aldlan_model``."""

from aldlan_model.cli.app import main

if __name__ == "__main__":
    main()
