def main():
    print("bom")  # want "`print` call"
