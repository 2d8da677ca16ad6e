from celery import Celery

app = Celery("jobs")


@app.task
def resize(image_id):
    print("resizing", image_id)  # want warning "in service code \\(reached from task `resize`\\)"
