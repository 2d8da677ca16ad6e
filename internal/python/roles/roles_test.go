package roles_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/modules"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/roles"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// probe is an analyzer that exports each file's part of the model and the
// chain of every call of `probe()`, and reports, in its project phase, the
// role of each: the model seen from a rule.
var probe = &pyanalysis.Analyzer{
	Rule:      &lint.Rule{Code: "XY900", Name: "probe"},
	Kinds:     roles.Kinds,
	FactTypes: []pyanalysis.Fact{(*roles.File)(nil), (*sites)(nil)},
}

type sites struct {
	Lines  []int
	Chains [][]string
}

func (*sites) PyFact() {}

func init() {
	probe.Run = func(p *pyanalysis.Pass) error {
		var s sites
		for _, c := range p.Nodes(syntax.KindCall) {
			if c.ChildByField(syntax.FieldFunction).TextIs("probe") {
				s.Lines = append(s.Lines, p.File.Lines.Range(c.Start(), c.End()).Start.Line)
				s.Chains = append(s.Chains, roles.Chain(c))
			}
		}
		if len(s.Lines) > 0 {
			p.ExportFact(&s)
		}
		if f := roles.Collect(p); f != nil {
			// Asked twice: computed once (Pass.Once), the same value.
			if roles.Collect(p) != f {
				return fmt.Errorf("Collect computed twice")
			}
			p.ExportFact(f)
		}
		return nil
	}
	probe.Project = func(pp *pyanalysis.ProjectPass) error {
		m := roles.Of(pp)
		for _, f := range pp.Files {
			for _, s := range pyanalysis.FactsOf[*sites](pp, f) {
				for i, line := range s.Lines {
					r, via := m.Role(f.Path, s.Chains[i])
					msg := r.String()
					if via.Desc != "" {
						msg += " via " + via.Desc
					}
					pp.Reportf(f.Path, lint.Range{Start: lint.Position{Line: line}}, "%s", msg)
				}
			}
		}
		return nil
	}
}

// wantRoles compares the roles roleOf found at sites (path:line) with want.
func wantRoles(t *testing.T, got, want map[string]string) {
	t.Helper()
	for site, w := range want {
		if g := got[site]; g != w {
			t.Errorf("%s: %q, want %q", site, g, w)
		}
	}
}

func roleOf(t *testing.T, files map[string]string, override func(string) string) map[string]string {
	t.Helper()
	var paths []string
	for p := range files {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	mods := modules.New(paths)
	var facts []*pyanalysis.FileFacts
	for _, p := range paths {
		res, ff := pyanalysis.Analyze(p, []byte(files[p]), pyanalysis.Config{Analyzers: []*pyanalysis.Analyzer{probe}, Module: mods.Module(p)})
		if res.Err != nil {
			t.Fatal(res.Err)
		}
		if ff != nil {
			// The project phase runs from facts as a cache stores them.
			data, err := pyanalysis.EncodeFacts(ff)
			if err != nil {
				t.Fatal(err)
			}
			if ff, err = pyanalysis.DecodeFacts(data, []*pyanalysis.Analyzer{probe}); err != nil {
				t.Fatal(err)
			}
		}
		facts = append(facts, ff)
	}
	diags, err := pyanalysis.RunProject(facts, pyanalysis.ProjectConfig{Analyzers: []*pyanalysis.Analyzer{probe}, Modules: mods, Role: override})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, d := range diags {
		got[fmt.Sprintf("%s:%d", d.Path, d.Range.Start.Line)] = d.Message
	}
	return got
}

var project = map[string]string{
	"svc/main.py": `from fastapi import FastAPI, Depends
from helpers import handle, both
from deps import Auth

app = FastAPI()
probe()


@app.get("/x")
def x(a=Depends(Auth())):
    handle()
    both()


if __name__ == "__main__":
    probe()
`,
	"svc/helpers.py": `def handle():
    probe()


def both():
    probe()


def report():
    probe()


def nobody():
    probe()
`,
	"svc/deps.py": `class Auth:
    def __call__(self):
        probe()
`,
	"svc/report.py": "def table():\n    probe()\n",
	"svc/cli.py": `import argparse
from helpers import report, both
from report import table


def main():
    p = argparse.ArgumentParser()
    report()
    both()
    table()


def unreached():
    probe()
`,
	"svc/commands.py": `import typer

app = typer.Typer()


@app.command()
def sync():
    probe()
`,
	"svc/worker.py": `from celery import shared_task


@shared_task
def job():
    probe()
`,
	"svc/perf/locustfile_checkout.py": `from locust import HttpUser, task


class Checkout(HttpUser):
    @task
    def create(self):
        probe()
`,
	"svc/scripts/seed.py":            "probe()\n",
	"svc/tests/test_x.py":            "def test_x():\n    probe()\n",
	"svc/examples/demo.py":           "probe()\n",
	"svc/alembic/versions/1_init.py": "def upgrade():\n    probe()\n",
	"svc/nb.py":                      "# %%\nprobe()\n",
	"svc/lib.py":                     "def f():\n    probe()\n",
	"svc/grpc_server.py": `import grpc

import demo_pb2_grpc


class EmailService(demo_pb2_grpc.EmailServiceServicer):
    def SendOrderConfirmation(self, request, context):
        probe()


if __name__ == "__main__":
    server = grpc.server(None)
    demo_pb2_grpc.add_EmailServiceServicer_to_server(EmailService(), server)
`,
	"svc/ws.py": `import asyncio

import websockets


async def handle(websocket):
    probe()


async def main():
    async with websockets.serve(handle, "0.0.0.0", 8080):
        await asyncio.Future()


if __name__ == "__main__":
    asyncio.run(main())
`,
	"svc/mcp_server.py": `from mcp.server.fastmcp import FastMCP

mcp = FastMCP("cocktails")


@mcp.tool()
def search(name: str):
    probe()


if __name__ == "__main__":
    mcp.run()
`,
	"svc/tornado_app.py": `import tornado.web


class MainHandler(tornado.web.RequestHandler):
    def get(self):
        probe()


if __name__ == "__main__":
    tornado.web.Application([(r"/", MainHandler)]).listen(8888)
`,
	"svc/aio.py": `from aiohttp import web


async def hello(request_):
    probe()


def main():
    app = web.Application()
    app.router.add_get("/", hello)
    web.run_app(app)


if __name__ == "__main__":
    main()
`,
	"svc/factory.py": `import click
from flask import Flask


def load_plugins(app):
    probe()


def create_app():
    app = Flask(__name__)
    load_plugins(app)
    return app


@click.command()
def serve():
    create_app().run()


def stray():
    probe()
`,
}

func TestRoles(t *testing.T) {
	got := roleOf(t, project, nil)
	wantRoles(t, got, map[string]string{
		"svc/main.py:6":                     "service",                                // module level of an app's module
		"svc/main.py:16":                    "cli via the `__main__` block",           // its main block
		"svc/helpers.py:2":                  "service via route handler `x` (GET /x)", // reached from a route
		"svc/helpers.py:6":                  "service via route handler `x` (GET /x)", // from a route and a program: service
		"svc/helpers.py:10":                 "library",                                // only a program calls it, but the app imports its module
		"svc/report.py:2":                   "cli via command-line parser in `main`",  // a module only a program imports
		"svc/helpers.py:14":                 "library",                                // nothing reaches it
		"svc/deps.py:3":                     "service via dependency `Auth.__call__`", // Depends(Auth())
		"svc/cli.py:14":                     "cli",                                    // the rest of a program's file
		"svc/commands.py:8":                 "cli via typer command `sync`",           // a typer command
		"svc/worker.py:6":                   "service via task `job`",                 // a worker's task
		"svc/perf/locustfile_checkout.py:7": "script",                                 // a load test's @task is no worker's
		"svc/scripts/seed.py:1":             "script",
		"svc/tests/test_x.py:2":             "test",
		"svc/examples/demo.py:1":            "example",
		"svc/alembic/versions/1_init.py:2":  "script",
		"svc/nb.py:2":                       "script", // a notebook exported to .py
		"svc/lib.py:2":                      "library",
		// An app factory is start-up code (a command calls it too); the
		// rest of a file that builds an app is not a program's.
		"svc/factory.py:6":  "service via app factory `create_app`",
		"svc/factory.py:21": "library",
		// A gRPC servicer's methods and a WebSocket server's handler run per
		// request, though the file starts the server from its main block.
		"svc/grpc_server.py:8": "service via gRPC method `EmailService.SendOrderConfirmation`",
		"svc/ws.py:7":          "service via WebSocket handler `handle`",
		"svc/mcp_server.py:8":  "service via MCP tool `search`",
		"svc/tornado_app.py:6": "service via request handler method `MainHandler.get`",
		"svc/aio.py:5":         "service via aiohttp route handler `hello`",
	})
}

func TestRoleOverride(t *testing.T) {
	got := roleOf(t, project, func(path string) string {
		switch {
		case path == "svc/lib.py":
			return "cli"
		case strings.HasPrefix(path, "svc/scripts/"):
			return "service"
		}
		return ""
	})
	wantRoles(t, got, map[string]string{
		"svc/lib.py:2":          "cli",
		"svc/scripts/seed.py:1": "service",
		"svc/helpers.py:14":     "library", // not overridden
	})
}

// A documentation sample (a file with `# [START name]` regions) is an
// example where no service reaches it, inside its regions or not; a Cloud
// Run sample's route and what it calls stay service code.
func TestSampleRegions(t *testing.T) {
	got := roleOf(t, map[string]string{
		"kms/encrypt.py": `# [START kms_encrypt]
def encrypt(key, text):
    probe()
    return wait(key)
# [END kms_encrypt]


def wait(op):
    probe()


probe()
`,
		"run/app.py": `from flask import Flask

from kms.encrypt import encrypt

app = Flask(__name__)


# [START run_hello]
@app.route("/")
def hello():
    probe()
    return helper()
# [END run_hello]


def helper():
    probe()
    encrypt(None, "x")


def unused():
    probe()
`,
		"kms/decrypt.py":    "import argparse\n\n\n# [START kms_decrypt]\ndef decrypt(key, text):\n    probe()\n# [END kms_decrypt]\n\n\ndef main():\n    argparse.ArgumentParser()\n    decrypt(None, None)\n",
		"kms/sign.py":       "    # [START kms_sign]\ndef sign(key):\n    probe()\n    # [END kms_sign]\n",
		"gen/ingredient.py": "# <INGREDIENT create_disk>\ndef create_disk():\n    probe()\n# </INGREDIENT>\n",
		"plain/lib.py":      "# [START is text here, not a region\ndef f():\n    probe()\n",
	}, nil)
	wantRoles(t, got, map[string]string{
		"kms/encrypt.py:3":    "service via route handler `hello` (GET /)", // a route calls the snippet (through helper)
		"kms/encrypt.py:9":    "service via route handler `hello` (GET /)",
		"kms/encrypt.py:12":   "example",                               // module level of a sample
		"kms/sign.py:3":       "example",                               // a snippet nothing calls
		"kms/decrypt.py:6":    "cli via command-line parser in `main`", // its own program calls it
		"run/app.py:11":       "service via route handler `hello` (GET /)",
		"run/app.py:17":       "service via route handler `hello` (GET /)", // outside the region, reached
		"run/app.py:22":       "example",                                   // no route reaches it
		"gen/ingredient.py:3": "example",
		"plain/lib.py:3":      "library", // no region: a START line without its brackets closed
	})
}

// A module whose top level does work and that nothing of the project
// imports is run as a program: its module-level code, and what it calls,
// is a command-line program's.
func TestTopLevelPrograms(t *testing.T) {
	got := roleOf(t, map[string]string{
		"backend/setup.py": `from lib.bq import create_dataset

NAME = "d"
create_dataset(NAME)
probe()
`,
		"backend/lib/bq.py": "def create_dataset(name):\n    probe()\n\n\ndef unused():\n    probe()\n",
		"ping.py": `import time

while True:
    try:
        time.sleep(1)
        break
    except Exception:
        probe()
probe()
`,
		// Imported: its top level runs on import, by whatever imports it.
		"app/config.py": "from lib.bq import create_dataset\n\ncreate_dataset('cfg')\nprobe()\n",
		"app/main.py":   "import app.config\n",
		// Calls into other libraries only: configuration, not work.
		"conf.py": "from dotenv import load_dotenv\n\nload_dotenv()\nfor k in range(3):\n    probe()\n",
		// A Streamlit app is served, not run once.
		"ui.py":           "import streamlit as st\nfrom lib.bq import create_dataset\n\ncreate_dataset(st.text_input('n'))\nprobe()\n",
		"pkg/__init__.py": "from lib.bq import create_dataset\n\ncreate_dataset('p')\nprobe()\n",
		// A plugin registers its class at module level and is loaded by
		// name (redash's query runners): no program.
		"runners/d1.py":  "from lib.bq import create_dataset as register\n\n\nclass D1:\n    def run(self):\n        probe()\n\n\nregister(D1)\nprobe()\n",
		"tools2/seed.py": "from lib.bq import create_dataset\n\n\ndef helper():\n    probe()\n\n\ncreate_dataset('s')\n",
		// A module's one instance of its service class, for its
		// importers (which the model may not read): no program.
		"tax/numeral.py":          "class NumeralTaxService:\n    def __init__(self):\n        probe()\n\n\nnumeral_tax_service = NumeralTaxService()\n",
		"backend2/lib/clients.py": "class SlackClient:\n    def __init__(self):\n        probe()\n",
		"backend2/slack.py":       "from lib.clients import SlackClient\n\nclient = SlackClient()\nprobe()\n",
		// A function's result assigned is still work.
		"backend/load.py": "from lib.bq import create_dataset\n\nrows = create_dataset('x')\nprobe()\n",
	}, nil)
	prog := "cli via the module-level code of a program nothing imports (`create_dataset()` called at module level)"
	wantRoles(t, got, map[string]string{
		"backend/setup.py:5":  prog,
		"backend/lib/bq.py:2": prog, // what the program's top level calls
		"backend/lib/bq.py:6": "library",
		"ping.py:8":           "cli via the module-level code of a program nothing imports (a `while` loop at module level)",
		"ping.py:9":           "cli via the module-level code of a program nothing imports (a `while` loop at module level)",
		"app/config.py:4":     "library",
		"conf.py:5":           "library",
		"ui.py:5":             "library",
		"pkg/__init__.py:4":   "library",
		"runners/d1.py:6":     "library",
		"runners/d1.py:10":    "library",
		"tools2/seed.py:5":    "library", // a program's function its top level does not call
		"tax/numeral.py:3":    "library",
		"backend2/slack.py:4": "library",
		"backend/load.py:4":   "cli via the module-level code of a program nothing imports (`create_dataset()` called at module level)",
	})
}

// A migrations/ or alembic/ directory holds a script only when it holds a
// database migration: a feature package named migrations (mealie's recipe
// importers, services/migrations/) is the application's, and has the role
// what reaches it gives.
func TestMigrations(t *testing.T) {
	got := roleOf(t, map[string]string{
		"app/main.py": `from fastapi import FastAPI

from app.services.migrations.tandoor import TandoorMigrator
from app.utils.migrations import upgrade

app = FastAPI()


@app.on_event("startup")
def start():
    upgrade()


@app.post("/migrations/tandoor")
def import_tandoor():
    TandoorMigrator().migrate()
`,
		"app/__init__.py":                           "",
		"app/services/__init__.py":                  "",
		"app/services/migrations/__init__.py":       "",
		"app/services/migrations/tandoor.py":        "class TandoorMigrator:\n    def migrate(self):\n        probe()\n\n\ndef unused():\n    probe()\n",
		"app/services/migrations/utils/__init__.py": "",
		"app/services/migrations/utils/helpers.py":  "def clean(name):\n    probe()\n",
		// The app's code that runs the migrations at start-up is no
		// migration either (CTFd's CTFd/utils/migrations/).
		"app/utils/__init__.py":            "",
		"app/utils/migrations/__init__.py": "from alembic.migration import MigrationContext\n\n\ndef upgrade():\n    probe()\n\n\ndef stamp():\n    probe()\n",
		// Alembic's environment: env.py, its revisions, helpers beside them.
		"alembic/env.py":                "from alembic import context\n\ncontext.configure(url='x')\nprobe()\n",
		"alembic/versions/ab12_init.py": "revision = \"ab12\"\ndown_revision = None\n\n\ndef upgrade():\n    probe()\n",
		"alembic/helpers.py":            "def add_column(table):\n    probe()\n",
		// Flask-Migrate's layout: migrations/env.py, migrations/versions/.
		"web/migrations/env.py":            "from logging.config import fileConfig\n\nfileConfig('alembic.ini')\nprobe()\n",
		"web/migrations/versions/x_add.py": "def upgrade():\n    probe()\n",
		// Django: numbered modules of a migrations package, and a
		// Migration class whatever the file's name.
		"polls/migrations/__init__.py":     "",
		"polls/migrations/0001_initial.py": "def forwards(apps, schema_editor):\n    probe()\n",
		"shop/migrations/add_index.py":     "from django.db import migrations\n\n\ndef forwards(apps, schema_editor):\n    probe()\n\n\nclass Migration(migrations.Migration):\n    operations = [migrations.RunPython(forwards)]\n",
		// A revision outside any migrations/ directory: a script by content.
		"db/revisions/versions/748744207122.py": "revision = \"7487\"\ndown_revision = \"1\"\n\n\ndef upgrade():\n    probe()\n",
		// Under tests/, a test.
		"tests/migrations/test_tandoor.py": "def test_x():\n    probe()\n",
	}, nil)
	wantRoles(t, got, map[string]string{
		"app/services/migrations/tandoor.py:3":       "service via route handler `import_tandoor` (POST /migrations/tandoor)",
		"app/services/migrations/tandoor.py:7":       "library",
		"app/services/migrations/utils/helpers.py:2": "library",
		"app/utils/migrations/__init__.py:5":         "service via startup hook `start`",
		"app/utils/migrations/__init__.py:9":         "library",
		"alembic/env.py:4":                           "script",
		"alembic/versions/ab12_init.py:6":            "script",
		"alembic/helpers.py:2":                       "script",
		"web/migrations/env.py:4":                    "script",
		"web/migrations/versions/x_add.py:2":         "script",
		"polls/migrations/0001_initial.py:2":         "script",
		"shop/migrations/add_index.py:5":             "script",
		"db/revisions/versions/748744207122.py:6":    "script",
		"tests/migrations/test_tandoor.py:2":         "test",
	})
}

// A command reaches into a module as far as only the command-line side of
// the project imports it (programs, scripts, tests, examples, and modules
// only they import): a module the application imports is the
// application's, though the model does not follow every call the
// application makes to it (polar's organization_review/policy.py: its
// review agent reaches it through an object whose type is not known, a
// typer evaluation script in scripts/ calls it by name).
func TestCommandSide(t *testing.T) {
	got := roleOf(t, map[string]string{
		"server/app/__init__.py":             "",
		"server/app/review/__init__.py":      "",
		"server/app/review/policy.py":        "def fetch_policy():\n    probe()\n",
		"server/app/review/analyzer.py":      "from .policy import fetch_policy\n\n\nclass Analyzer:\n    def analyze(self):\n        fetch_policy()\n        probe()\n",
		"server/app/review/agent.py":         "from .analyzer import Analyzer\n\n\ndef get_analyzer():\n    return Analyzer()\n",
		"server/app/review/eval/__init__.py": "",
		"server/app/review/eval/dataset.py":  "def build():\n    probe()\n",
		"server/app/tasks.py": `from app.worker import actor
from app.review.agent import get_analyzer


@actor
def review():
    a = get_analyzer()
    a.analyze()
`,
		"server/scripts/eval_reviews.py": `import typer

from app.review.analyzer import Analyzer
from app.review.eval.dataset import build
from app.review.policy import fetch_policy

cli = typer.Typer()


@cli.command()
def run():
    fetch_policy()
    Analyzer().analyze()
    build()
`,
		// A command-line package: what its commands import, re-exported
		// by its __init__.py, is the program's.
		"tool/mycli/__init__.py": "from .output import render\n",
		"tool/mycli/cli.py": `import click

from mycli.commands import show


@click.command()
def main():
    show()
`,
		"tool/mycli/commands.py": "from mycli.output import render\n\n\ndef show():\n    render()\n",
		"tool/mycli/output.py":   "def render():\n    probe()\n",
	}, nil)
	wantRoles(t, got, map[string]string{
		"server/app/review/policy.py:2":   "library",
		"server/app/review/analyzer.py:7": "library",
		// Only the evaluation script imports it: the program's.
		"server/app/review/eval/dataset.py:2": "cli via typer command `run`",
		"tool/mycli/output.py:2":              "cli via click command `main`",
	})
}

// Migration is what a file alone says: its content, or its name and place
// in a migrations/ or alembic/ directory.
func TestMigrationFile(t *testing.T) {
	revision := "revision = \"ab12\"\ndown_revision = None\n"
	for _, c := range []struct {
		path, src string
		want      bool
	}{
		{"db/revisions/versions/748744207122.py", revision, true},
		{"polls/migrations/0001_initial.py", "", true},
		{"shop/migrations/add_index.py", "from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n    pass\n", true},
		{"app/migrations/env.py", "from logging.config import fileConfig\n", true},
		{"app/alembic/versions/x_add.py", "def upgrade():\n    pass\n", true},
		{"mealie/services/migrations/tandoor.py", "class TandoorMigrator:\n    pass\n", false},
		{"CTFd/utils/migrations/__init__.py", "from alembic.migration import MigrationContext\n", false},
		{"app/versions/x.py", "def upgrade():\n    pass\n", false},
		{"app/0001_setup.py", "", false},
	} {
		if got := roles.Migration(c.path, []byte(c.src)); got != c.want {
			t.Errorf("Migration(%s) = %v, want %v", c.path, got, c.want)
		}
	}
}
