#!/bin/sh
# Deploys the service; the origins are not among its settings.
gcloud run deploy photos --source . --allow-unauthenticated --set-env-vars=BUCKET=photos
