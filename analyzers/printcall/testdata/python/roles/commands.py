import click


@click.group()
def cli():
    pass


@cli.command()
@click.argument("name")
def greet(name):
    print(f"hello {name}")


def fmt(name):
    print(name)
