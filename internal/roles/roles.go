// Package roles names the roles a program's code can have — service code,
// a command-line program, a one-off script, a test, an example, or library
// code — for configuration (`[tool.xylint] roles`), rules' options and
// documentation, and gives a file the role its path says. It has no cgo:
// options the Go analyzers import may use it. The model that decides the
// role of Python code (what reaches it) is internal/python/roles.
package roles

import (
	"slices"

	"github.com/xynergy/xylint/internal/ruleopts"
)

// Role is what a piece of code is part of.
type Role uint8

const (
	// Library: code no entry point of the run is known to reach, in a file
	// that is none of the others.
	Library Role = iota
	// Service: reached from a web app's routes, hooks, middleware,
	// dependencies, lifespan or startup code, a Cloud Functions / Cloud Run
	// entry point or a worker's tasks, through the project's calls.
	Service
	// CLI: a command-line program's code: its `__main__` block and what
	// it calls in modules only the command-line side of the project
	// imports, click/typer/fire commands, argparse mains, and the
	// rest of a file that has a main block or uses a command-line library,
	// and a file run by itself (its top level does the work and nothing
	// imports it) with what its top level calls.
	CLI
	// Script: a one-off script (scripts/, tools/, bin/, database
	// migrations, locust load tests, notebooks exported to .py).
	Script
	// Test: test files (test_*.py, *_test.py, conftest.py, tests/).
	Test
	// Example: examples (examples/, example/, docs_src/, snippets/) and documentation
	// samples (files with `# [START name]` regions) where no service reaches
	// the code.
	Example
)

// Names are the roles' names in configuration (`[tool.xylint] roles`,
// rules' options) and documentation, by Role.
var Names = []string{Library: "library", Service: "service", CLI: "cli", Script: "script", Test: "test", Example: "example"}

func (r Role) String() string { return Names[r] }

// Describe is how messages name code of the role.
func (r Role) Describe() string {
	return [...]string{Library: "library code", Service: "service code", CLI: "a command-line program",
		Script: "a one-off script", Test: "a test", Example: "an example"}[r]
}

// Parse is the inverse of String.
func Parse(s string) (Role, bool) {
	i := slices.Index(Names, s)
	return Role(max(i, 0)), i >= 0
}

// ScriptPaths, TestPaths and ExamplePaths are the path globs (gitignore
// syntax, matched against a path and every tail of it) that give a file
// its role by where it is. Configuration's roles come first. A
// `migrations/` or `alembic/` directory is not one of them: the name is
// also an application's (mealie's recipe importers in
// `services/migrations/`), and the Python model tells a database
// migration by the files around it and its content (MigrationDirs).
var (
	ScriptPaths = []string{"scripts/", "script/", "tools/", "bin/",
		"locustfile.py", "locustfiles/", "load_tests/", "loadtest/", "notebooks/"}
	// TestPaths are the rules' test globs and a package's `testing/`
	// directory: test support shipped with a library (prefect's
	// `prefect/testing/`: fixtures, assertion helpers that print a diff
	// for the test that failed), as Go's test-support files. Only the
	// role follows it: the rules' exclude defaults stay ruleopts.TestFiles.
	TestPaths = append(slices.Clone(ruleopts.TestFiles), "testing/")
	// ExamplePaths: a directory of examples, or of documentation snippets
	// (python-docs-samples' `snippets/`, `snippets-adk/`: code a
	// documentation page shows, region tags or not).
	ExamplePaths = []string{"examples/", "example/", "docs_src/",
		"snippets/", "snippets-*/", "snippets_*/", "*-snippets/", "*_snippets/"}
)

// MigrationDirs are the names of the directories that hold a project's
// database migrations, where a file is a script when it is one of them
// (internal/python/roles).
var MigrationDirs = []string{"migrations", "alembic"}

var (
	scriptGlobs  = ruleopts.CompileGlobs(ScriptPaths)
	testGlobs    = ruleopts.CompileGlobs(TestPaths)
	exampleGlobs = ruleopts.CompileGlobs(ExamplePaths)
)

// PathRole is the role the file at the slash-separated path p has by where
// it is, and whether it has one.
func PathRole(p string) (Role, bool) {
	switch {
	case testGlobs.Match(p):
		return Test, true
	case scriptGlobs.Match(p):
		return Script, true
	case exampleGlobs.Match(p):
		return Example, true
	}
	return Library, false
}
