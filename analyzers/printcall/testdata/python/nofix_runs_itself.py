"""A cleanup script: it calls its own functions when run. Nothing imports
it, so it is a program (its top level does the work) and its prints are
its output: not reported (TestProgramNoFix: nor fixed where programs' prints
are reported)."""


def delete_all_products(client):
    print("Deleting all products, please wait")
    client.delete_all()


delete_all_products(None)
