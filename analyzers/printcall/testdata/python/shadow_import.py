from rich import print

print("rich's print is a pretty printer, still stdout, but not the builtin")
