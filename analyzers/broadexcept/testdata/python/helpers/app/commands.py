from app import _utilities
from app._utilities import describe, die, exit_with_error, exit_with_success, fail_if, report_error


def work():
    pass


def reports_and_exits():
    try:
        work()
    except Exception as exc:
        exit_with_error(f"Flow run failed: {exc}")


def reports_and_exits_through_the_module():
    try:
        work()
    except Exception:
        _utilities.exit_with_error("Failed to read the work pool")


def exits_through_a_local_helper():
    try:
        work()
    except Exception:
        fatal("cannot continue")


def fatal(message):
    print(message)
    raise SystemExit(1)


def records_through_a_helper():
    try:
        work()
    except Exception:
        report_error()
        return None


def records_through_an_imported_module():
    try:
        work()
    except Exception:
        _utilities.log_current_error("sync failed")


def exits_silently_through_a_helper():
    try:
        work()
    except Exception:  # want note "exits non-zero without saying why"
        die()


def exits_with_success():
    try:
        work()
    except Exception:  # want warning "without re-raise or traceback logging"
        exit_with_success("done")


def exits_only_sometimes(strict):
    try:
        work()
    except Exception as e:  # want note "returns the error's message to its caller"
        fail_if(strict, "failed")
        return str(e)


def exits_on_one_path(strict):
    try:
        work()
    except Exception as e:  # want note "prints the error"
        print(f"failed: {e}")
        if strict:
            exit_with_error("giving up")


def a_helper_that_does_neither():
    try:
        work()
    except Exception:  # want warning "without re-raise or traceback logging"
        return {"error": describe("work")}


def the_exception_handed_to_a_helper():
    # Whoever gets the exception object has its traceback.
    try:
        work()
    except Exception as e:
        return {"error": describe(e)}
