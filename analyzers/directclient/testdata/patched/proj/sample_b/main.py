"""Another sample of the repository, with a test of its own that patches the
library's constructor: its site gets no fix; the service beside it is not
its program and keeps its fixes."""
import functions_framework
from google.cloud import bigquery


@functions_framework.http
def handler(request):
    client = bigquery.Client()  # want "\\(no fix: the tests patch `google.cloud.bigquery.Client`"
    return str(list(client.query("select 1").result()))
