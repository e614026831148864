"""Plain functions and data shared by test modules.

Nothing here is a test and nothing here imports a test module; test modules import
from here (or get fixtures from tests/conftest.py), never from each other.
"""
