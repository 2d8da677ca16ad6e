import functions_framework


@functions_framework.http
def hello(request):
    print("request", request.path)  # want warning "reached from Cloud Functions entry point `hello`"
    return "ok"


def on_event(event, context):
    print(event)  # want warning "reached from Cloud Functions entry point `on_event`"
