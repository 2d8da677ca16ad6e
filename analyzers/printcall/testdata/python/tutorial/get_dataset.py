from setup.setup_cleanup import create_dataset, delete_dataset


# [START tutorial_get_dataset]
def get_dataset(name):
    dataset = {"name": name}
    print(f"Dataset: {dataset}")
    return dataset
# [END tutorial_get_dataset]


create_dataset("d")
get_dataset("d")
delete_dataset("d")
