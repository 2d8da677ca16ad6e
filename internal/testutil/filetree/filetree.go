// Package filetree writes trees of small files for tests.
package filetree

import (
	"os"
	"path/filepath"
	"testing"
)

// Write writes files (slash-separated path → content) below root,
// creating the directories they are in.
func Write(t testing.TB, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Temp writes files into a new temporary directory and returns it.
func Temp(t testing.TB, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	Write(t, root, files)
	return root
}
