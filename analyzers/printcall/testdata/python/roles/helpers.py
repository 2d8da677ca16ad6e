def describe(item_id):
    print("describing", item_id)  # want warning "in service code \\(reached from route handler `item` \\(GET /items/\\{item_id\\}\\)\\)"
    return item_id


def shared_format(x):
    # Called by the service and by the report program: service code.
    print(x)  # want warning "in service code \\(reached from route handler `item`"
    return str(x)


def report_line(row):
    # Called only by the report program, but the service imports this
    # module: the application's code, not the program's output.
    print(row)  # want warning "^`print` call; use the module logger$"
    return row


def unused():
    print("no entry point reaches this")  # want warning "^`print` call; use the module logger$"
