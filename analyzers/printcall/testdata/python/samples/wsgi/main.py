"""An App Engine sample served as a plain WSGI application: its handlers
are service code though no web framework is imported."""


# [START mail_receive]
def receive(environ, start_response):
    print("received mail")  # want warning "in service code \\(reached from request handler `receive`\\)"
    start_response("200 OK", [])
    return [b""]
# [END mail_receive]


def describe():
    # No request reaches it: the sample's.
    print("receives mail at /_ah/mail/")
