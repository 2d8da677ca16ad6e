import subprocess


def release(version):
    print(f"Releasing {version}")
    subprocess.run(["git", "tag", version], check=True)


def changelog(version):
    # Nothing reaches it: library code.
    print(version)  # want warning "^`print` call; use the module logger$"
