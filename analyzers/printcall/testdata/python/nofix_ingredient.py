# flake8: noqa
from google.cloud import compute_v1


# <INGREDIENT list_instances>
def list_instances(project_id: str, zone: str):
    client = compute_v1.InstancesClient()
    for instance in client.list(project=project_id, zone=zone):
        # An ingredient of generated samples is an example: not reported
        # (nor fixed where examples' prints are: TestIngredientNoFix).
        print(instance.name)
# </INGREDIENT>
