import shadow_def

# Imported: shadow_def's top level runs on import, no program's, and its
# prints are reported.
print(shadow_def)  # want warning "^`print` call; use the module logger$"
