"""The Google Cloud clients services build beyond the pool's getters: each is
reported, without a fix, naming where a getter belongs."""
import functions_framework
from google.cloud import documentai, spanner, translate_v2, vision
from google.cloud import bigtable, datastore, speech_v2, tasks_v2
from google.cloud.discoveryengine_v1 import SearchServiceClient


@functions_framework.http
def annotate(request):
    client = vision.ImageAnnotatorClient()  # want warning "^direct `vision.ImageAnnotatorClient\\(\\)` per request in Cloud Functions entry point `annotate`; no pooled getter for it yet: add one to `shared.gcp_clients`$"
    text = translate_v2.Client().translate("hola")  # want warning "`translate_v2.Client\\(\\)` per request"
    search = SearchServiceClient()  # want warning "`discoveryengine_v1.SearchServiceClient\\(\\)` per request"
    return str((client, text, search, parse(request.data)))


def parse(payload):
    return documentai.DocumentProcessorServiceClient()  # want warning "`documentai.DocumentProcessorServiceClient\\(\\)` per request: `parse` is called by Cloud Functions entry point `annotate`"


db = spanner.Client().instance("i").database("d")  # want note "`spanner.Client\\(\\)` at module level: once per process; no pooled getter"
table = bigtable.Client(admin=False)  # want note "`bigtable.Client\\(\\)` at module level: once per process"
store = datastore.Client()  # want note "`datastore.Client\\(\\)` at module level"
stt = speech_v2.SpeechClient()  # want note "`speech_v2.SpeechClient\\(\\)` at module level"
queue = tasks_v2.CloudTasksAsyncClient()  # want note "`tasks_v2.CloudTasksAsyncClient\\(\\)` at module level"
