"""``python -m eduaudit.overrides``: the same as ``eduaudit override``."""

from eduaudit.overrides.command import override_command

if __name__ == "__main__":
    override_command()
