"""Command-line programs: a handler that reports the error and exits non-zero
hides nothing."""
import argparse
import os
import sys

import click
import typer

app = typer.Typer()


def work():
    pass


def prints_and_exits():
    try:
        work()
    except Exception as e:
        print(f"Error: {e}", file=sys.stderr)
        sys.exit(1)


def builtin_exit():
    try:
        work()
    except Exception as e:
        print("Failure: {}".format(e))
        exit(1)


def exits_with_a_message():
    try:
        work()
    except Exception as e:
        sys.exit(f"cannot start: {e}")


def raises_system_exit():
    try:
        work()
    except Exception as e:
        print_color(f"Error: {e}", "red")
        raise SystemExit(1)


def print_color(text, color):
    print(text)


@app.command()
def typer_exit():
    try:
        work()
    except Exception as e:
        typer.echo(f"Error: {e}", err=True)
        raise typer.Exit(code=1)


@app.command()
def typer_exit_positional():
    try:
        work()
    except Exception as e:
        typer.echo(f"Error: {e}", err=True)
        raise typer.Exit(1)


@click.command()
def click_abort():
    try:
        work()
    except Exception as e:
        click.echo(f"Error: {e}", err=True)
        raise click.Abort()


@click.command()
@click.pass_context
def click_fail(ctx):
    try:
        work()
    except Exception as e:
        ctx.fail(f"could not load: {e}")


@app.command()
def typer_context(context: typer.Context):
    try:
        work()
    except Exception:  # want note "exits non-zero without saying why"
        context.exit(3)


def argparse_error():
    parser = argparse.ArgumentParser()
    args = parser.parse_args()
    try:
        work()
    except Exception as e:
        parser.error(f"bad input: {e}")
    return args


def hard_exit():
    try:
        work()
    except Exception:
        sys.stderr.write("worker died\n")
        os._exit(1)


# An exit on one path only: on the other the error is only printed.
def exits_only_when_strict(strict):
    try:
        work()
    except Exception as e:  # want note "prints the error"
        print(f"warning: {e}")
        if strict:
            sys.exit(1)


# Exiting non-zero without a word: the run fails, its cause is lost.
def exits_silently():
    try:
        work()
    except Exception:  # want note "^`except Exception` exits non-zero without saying why: the process fails, but its cause is lost$"
        sys.exit(1)


# Exiting with status 0 hides the failure from whoever runs the program.
def exits_zero():
    try:
        work()
    except Exception as e:  # want warning "^`except Exception` exits with status 0: the failure is hidden from whoever runs the program$"
        print(f"Error: {e}")
        sys.exit(0)


@app.command()
def typer_exit_zero():
    try:
        work()
    except Exception:  # want warning "exits with status 0"
        raise typer.Exit()


# A method called exit or error on something that is not a parser or a
# Context is not an exit.
def not_a_parser(conn):
    try:
        work()
    except Exception:  # want warning "without re-raise"
        conn.exit(1)
