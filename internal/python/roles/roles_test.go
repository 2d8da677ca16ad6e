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
	"svc/cli.py": `import argparse
from helpers import report, both


def main():
    p = argparse.ArgumentParser()
    report()
    both()


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
	for site, want := range map[string]string{
		"svc/main.py:6":                     "service",                                // module level of an app's module
		"svc/main.py:16":                    "cli via the `__main__` block",           // its main block
		"svc/helpers.py:2":                  "service via route handler `x` (GET /x)", // reached from a route
		"svc/helpers.py:6":                  "service via route handler `x` (GET /x)", // from a route and a program: service
		"svc/helpers.py:10":                 "cli via command-line parser in `main`",  // only a program reaches it
		"svc/helpers.py:14":                 "library",                                // nothing reaches it
		"svc/deps.py:3":                     "service via dependency `Auth.__call__`", // Depends(Auth())
		"svc/cli.py:12":                     "cli",                                    // the rest of a program's file
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
	} {
		if g := got[site]; g != want {
			t.Errorf("%s: %q, want %q", site, g, want)
		}
	}
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
	for site, want := range map[string]string{
		"svc/lib.py:2":          "cli",
		"svc/scripts/seed.py:1": "service",
		"svc/helpers.py:14":     "library", // not overridden
	} {
		if g := got[site]; g != want {
			t.Errorf("%s: %q, want %q", site, g, want)
		}
	}
}
