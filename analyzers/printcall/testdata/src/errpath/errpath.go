// Package errpath: the level follows the context (an error path is
// slog.Error, unless the message calls itself a warning) and Printf
// arguments become attributes.
package errpath

import (
	"errors"
	"fmt"
	"net/http"
	"os"
)

type result struct{ StatusCode int }

func load(path string) (int, error) {
	if path == "" {
		return 0, errors.New("no path")
	}
	return len(path), nil
}

// Setup loads the rules and falls back to the defaults.
func Setup(rulesPath string) int {
	n, err := load(rulesPath)
	if err != nil {
		fmt.Printf("Warning: could not read rules at %s: %v. Using the defaults.\n", rulesPath, err) // want `fmt.Printf writes to stdout`
		return 0
	}
	return n
}

// Notify posts the outcome to the callback URL.
func Notify(callbackURL string, res result, userID string) {
	fmt.Printf("Notifier: posting to %s\n", callbackURL) // want `fmt.Printf writes to stdout`
	resp, err := http.Post(callbackURL, "application/json", nil)
	if err != nil {
		fmt.Printf("Notifier: delivery failed: %v\n", err) // want `fmt.Printf writes to stdout`
		return
	}
	defer resp.Body.Close()
	fmt.Printf("Notifier: got status %d for user '%s'.\n", res.StatusCode, userID) // want `fmt.Printf writes to stdout`
	fmt.Printf("Notifier: %5.1f%% done\n", 99.5)                                   // want `fmt.Printf writes to stdout`
	fmt.Printf("Notifier: took %d ms\n", len(userID)*2)                            // want `fmt.Printf writes to stdout`
	if err := resp.Body.Close(); err != nil {
		fmt.Fprintf(os.Stderr, "closing the body: %s\n", err.Error()) // want `fmt.Fprintf writes to stderr`
	} else {
		fmt.Println("Error: nothing to close") // want `fmt.Println writes to stdout`
	}
}

// Report prints a message held in a variable named msg: slog's own key,
// so no attribute of that name.
func Report(msg string) {
	fmt.Printf("report: %s\n", msg) // want `fmt.Printf writes to stdout`
}

// Handler serves the notification form.
func Handler(w http.ResponseWriter, r *http.Request) {
	Notify(r.URL.Query().Get("u"), result{}, "u1")
}

type object struct{ bucket, name string }

func (o object) GetBucket() string { return o.bucket }

// Describe prints values: a getter's key drops Get; a verb inside a path,
// text between verbs that says nothing without them, and a one-letter
// name keep fmt.Sprintf.
func Describe(o object, names []string) {
	fmt.Printf("Bucket: %s\n", o.GetBucket())                      // want `fmt.Printf writes to stdout`
	fmt.Printf("Uploaded to gs://%s/%s\n", o.bucket, o.name)       // want `fmt.Printf writes to stdout`
	fmt.Printf("Renaming %q -> %q\n", o.name, names[0])            // want `fmt.Printf writes to stdout`
	fmt.Printf("Label added to %s in zone %s\n", o.name, o.bucket) // want `fmt.Printf writes to stdout`
	for _, v := range names {
		fmt.Printf("Reader: %s\n", v) // want `fmt.Printf writes to stdout`
	}
}

// Sync prints an error value alone: a record with a constant message and
// the error as an attribute, at Error (an error path or not).
func Sync(path string) {
	if _, err := load(path); err != nil {
		fmt.Println(err) // want `fmt.Println writes to stdout`
		return
	}
	if _, loadErr := load(path + ".bak"); loadErr != nil {
		fmt.Print(loadErr) // want `fmt.Print writes to stdout`
	}
	go func() {
		_, e := load(path)
		fmt.Println(e) // want `fmt.Println writes to stdout`
	}()
}
