"""A module without a logger whose import prints: that is its output."""
import os

print("Agent initialized from", os.getcwd())  # want "`print` call"
