"""``python -m aldlan_model.i18n``: compile and check the message catalogue.

    python -m aldlan_model.i18n --compile   # write the .mo files whose .po changed
    python -m aldlan_model.i18n --check     # every text in both languages with the same placeholders,
                                            # every key the code uses present, the .mo files up to date

Without options: ``--check``. Exit code 1 when the check finds a problem (one line each on stderr).
"""

from __future__ import annotations

import sys

from aldlan_model.i18n.catalogue import compile_all, problems, shown


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--compile" in args:
        for path in compile_all():
            print(f"wrote {shown(path)}")
    if "--check" in args or not args:
        found = problems()
        for line in found:
            print(line, file=sys.stderr)
        return 1 if found else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
