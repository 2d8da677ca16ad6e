"""Command-line programs: a handler that reports the error and exits non-zero
hides nothing."""
import argparse
import contextlib
import logging
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


def echoes_the_message():
    try:
        work()
    except Exception as e:  # want note "prints the error"
        click.echo(f"Error: {e}", err=True)


# A method called exit or error on something that is not a parser or a
# Context is not an exit: what the handler does is a warning in a service,
# and a note in a command-line program.
def not_a_parser(conn):
    try:
        work()
    except Exception:  # want note "^`except Exception` without re-raise or traceback logging; a note in a command-line program, not service code: the failure costs one run, not a service's requests$"
        conn.exit(1)


# A swallow in a command-line program hides the failure from whoever runs
# it, but costs that run, not a service's requests: a warning.
@app.command()
def version():
    info = {"client": "1.0"}
    try:
        info["server"] = server_version()
    except Exception:  # want warning "^`except Exception` swallows the exception; a warning in a command-line program, not service code: whoever runs it is not told, but the failure costs one run, not a service's requests$"
        pass
    print(info)


def server_version():
    return work()


def deploy(stack):
    work()
    try:
        update_defaults(stack)
    except Exception:  # want warning "swallows the exception; a warning in a command-line program"
        pass


def update_defaults(stack):
    return stack


@app.command()
def suppressed():
    with contextlib.suppress(Exception):  # want warning "^`suppress\\(Exception\\)` swallows every exception its block raises; a warning in a command-line program"
        update_defaults("stack")


# Around a best-effort action (telemetry, a cleanup, a delete), a note (in every role).
def send_analytics(analytics, event):
    try:
        analytics.track(event)
    except Exception:  # want note "^`except Exception` swallows the exception; a note because the try only does telemetry \\(track\\), a best-effort action: its failure costs the program nothing it needs, but goes unseen$"
        pass


def remove_job(client, name):
    with contextlib.suppress(Exception):  # want note "^`suppress\\(Exception\\)` swallows every exception its block raises; a note because its block only does a cleanup \\(delete_job\\)"
        client.delete_job(name)


# What a service reports as a warning is a note here.
def read_config(path):
    try:
        return open(path).read()
    except Exception:  # want note "without re-raise or traceback logging; a note in a command-line program"
        return default_config()


def default_config():
    return ""


def quiet_probe():
    try:
        work()
    except Exception as e:  # want note "logs the error only at debug level, which production rarely records; a note in a command-line program"
        logging.debug("probe failed: %s", e)


# A swallow that falls back loses no work: a note in a command-line program.
def git_email():
    try:
        out = os.popen("git config user.email").read()
        return out.strip()
    except Exception:  # want note "^`except Exception` swallows the exception; a note in a command-line program, not service code: it falls back \\(a value returned, or the way after the try\\), and the failure costs one run at most$"
        return ""


def pick_theme(ask):
    if sys.stdin.isatty():
        try:
            choice = ask("Which theme?")
            return choice
        except Exception:  # want note "it falls back \\(a value returned, or the way after the try\\)"
            pass
    return input("Theme: ")


# A bare `pass` after work that does not return loses that work: a warning.
def save_history(entries):
    try:
        update_defaults(entries)
        work()
    except Exception:  # want warning "swallows the exception; a warning in a command-line program"
        pass
    return entries


# The caller hands over how to end the program (exit_fn=exit_with_error):
# the error's text goes to it, and it exits non-zero.
def validate_workers(workers, exit_fn):
    try:
        dialect = connect(workers)
    except Exception as e:
        exit_fn(f"cannot check the database: {e}")
    return dialect


# ... but a parameter that is no exit keeps the finding.
def validate_pool(workers, report):
    try:
        dialect = connect(workers)
    except Exception as e:  # want note "logs|prints|without"
        report(f"cannot check the database: {e}")
    return dialect
