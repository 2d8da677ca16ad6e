# flake8: noqa
from google.cloud import compute_v1


# <INGREDIENT list_instances>
def list_instances(project_id: str, zone: str):
    client = compute_v1.InstancesClient()
    for instance in client.list(project=project_id, zone=zone):
        print(instance.name)  # want "`print` call"
# </INGREDIENT>
