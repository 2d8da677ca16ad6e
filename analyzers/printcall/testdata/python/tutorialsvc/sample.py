from helpers import create_dataset


# [START tutorialsvc_sample]
def sample():
    print("sample")
    return create_dataset("d")
# [END tutorialsvc_sample]
