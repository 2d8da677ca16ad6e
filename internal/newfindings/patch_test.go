package newfindings

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

func TestParsePatch(t *testing.T) {
	diff := `diff --git a/svc/main.py b/svc/main.py
index 1111111..2222222 100644
--- a/svc/main.py
+++ b/svc/main.py
@@ -1,4 +1,5 @@
 import os
-import sys
+import sys, json
+import logging

 def f():
@@ -10 +11,2 @@ def g():
-    pass
+    print(1)
+    return 2
\ No newline at end of file
diff --git a/gone.py b/gone.py
deleted file mode 100644
--- a/gone.py
+++ /dev/null
@@ -1,2 +0,0 @@
-x = 1
-y = 2
--- /dev/null
+++ "b/new dir/new.py"	2026-01-01 00:00:00
@@ -0,0 +1 @@
+z = 3
`
	p, err := ParsePatch([]byte(diff))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]int{}
	for f, lines := range p.Added {
		got[f] = slices.Sorted(maps.Keys(lines))
	}
	want := map[string][]int{"svc/main.py": {2, 3, 11, 12}, "new dir/new.py": {1}}
	if len(got) != len(want) {
		t.Fatalf("files: %v, want %v", got, want)
	}
	for f, w := range want {
		if !slices.Equal(got[f], w) {
			t.Errorf("%s: added lines %v, want %v", f, got[f], w)
		}
	}
	if l := p.lines("main.py"); l == nil {
		t.Error("a project whose root is svc/ should find svc/main.py as main.py")
	}
	if l := p.lines("ain.py"); l != nil {
		t.Error("ain.py matched svc/main.py: only whole path components match")
	}
	if l := p.lines("server/svc/main.py"); l == nil {
		t.Error("a project root above the patch's root should find svc/main.py")
	}
	// An empty patch is a patch that adds nothing.
	if p, err := ParsePatch(nil); err != nil || len(p.Added) != 0 {
		t.Errorf("empty patch: %v, %v", p, err)
	}
}

func TestParsePatchErrors(t *testing.T) {
	for _, c := range []struct{ diff, want string }{
		{"hello\nworld\n", "not a unified diff"},
		{"@@ -1 +1 @@\n-a\n+b\n", "line 1: a hunk before any +++"},
		{"--- a/x\n+++ b/x\n@@ -1,x +1 @@\n", "line 3: malformed hunk header"},
		{"--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\nnot a diff line\n", "line 6: the hunk ends early"},
		{"--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n+c\n", "line 6: the hunk has more lines than its header says"},
	} {
		_, err := ParsePatch([]byte(c.diff))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.diff, err, c.want)
		}
	}
}
