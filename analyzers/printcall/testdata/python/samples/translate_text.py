"""A documentation sample: its regions are published on a page, and what
it prints is what the page shows. No test reads it and nothing calls it."""

from google.cloud import translate_v2


# [START translate_text]
def translate_text(target, text):
    client = translate_v2.Client()
    result = client.translate(text, target_language=target)
    print("Translation: {}".format(result["translatedText"]))
    show_source(result)
    return result
# [END translate_text]


def show_source(result):
    # Outside the region, but a helper of the sample all the same.
    print("Detected source language: {}".format(result["detectedSourceLanguage"]))


print("loaded")
