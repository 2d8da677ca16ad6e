"""Background Cloud Functions whose first parameter is not named event or
data: the deployed entry point's second parameter is the context."""


# [START functions_ocr_detect]
def detect_text(bucket, filename):
    print(f"Looking for text in image {filename}")  # want warning "in service code \\(reached from Cloud Functions entry point `process_image`\\)"
# [END functions_ocr_detect]


# [START functions_ocr_process]
def process_image(file_info, context):
    detect_text(file_info["bucket"], file_info["name"])
# [END functions_ocr_process]


# [START functions_label]
def label_instance(cloudevent):
    print("labelling")  # want warning "in service code \\(reached from Cloud Functions entry point `label_instance`\\)"
# [END functions_label]
