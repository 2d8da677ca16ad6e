"""print shadowed by definitions, parameters, imports, assignments, global."""
from rich import print as rprint


def uses_param(print):
    print("a parameter")


def uses_default(msg, print=None):
    print(msg)


def uses_local():
    print = rprint
    print("a local assignment")


def uses_local_bound_later():
    print("a local bound later in the function (UnboundLocalError at run time)")
    print = rprint


def sets_global():
    global print
    print = rprint


def uses_global():
    print("module-level print was rebound by sets_global's global statement")


comprehension = [print for print in range(3)]
lam = lambda print: print("lambda parameter")
