"""Status report rendering. Uses rich's print for colour in the console."""

from rich import print


def render_status_report(connections) -> str:
    lines = [f"open websockets: {len(connections)}"]
    print("[bold]rendering status report[/bold]")
    return "\n".join(lines)
