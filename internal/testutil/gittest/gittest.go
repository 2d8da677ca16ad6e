// Package gittest runs git for tests: in a given directory, with a fixed
// author and committer and without the user's or the system's git
// configuration, so that commits and their hashes do not depend on the
// machine.
package gittest

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Env is the environment git runs with in tests (added to os.Environ).
var Env = []string{"GIT_AUTHOR_NAME=Dev", "GIT_AUTHOR_EMAIL=dev@example.com", "GIT_COMMITTER_NAME=Dev",
	"GIT_COMMITTER_EMAIL=dev@example.com", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1"}

// Cmd is git args in dir, with Env.
func Cmd(dir string, args ...string) *exec.Cmd {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), Env...)
	return cmd
}

// Run runs git args in dir and returns its output, trimmed; a failure
// ends the test with git's output.
func Run(t testing.TB, dir string, args ...string) string {
	t.Helper()
	out, err := Cmd(dir, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}
