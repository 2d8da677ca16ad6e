"""Docstring."""
from __future__ import annotations


def main():
    print("hello")  # want "`print` call"
