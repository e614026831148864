"""Loaded by Python at start-up when this folder is on PYTHONPATH (tests/conftest.py puts it
there for every process the tests start): installs the loopback-only net, then runs the
``sitecustomize`` this one hides, if the interpreter has one."""

import importlib.machinery
import importlib.util
import os
import sys

import loopback_guard

if os.environ.get(loopback_guard.ENV):
    loopback_guard.install()

_here = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.machinery.PathFinder.find_spec(
    "sitecustomize", [p for p in sys.path if os.path.abspath(p or ".") != _here])
if _spec is not None and _spec.loader is not None:
    _module = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(_module)
