package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// errHelp ends a subcommand after it printed its usage for -h.
var errHelp = errors.New("help")

// usageError is a mistake in the command line: exit code 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func exitCodeOf(err error) int {
	var u usageError
	if errors.As(err, &u) {
		return 2
	}
	return 1
}

// newFlags returns a flag set that prints its usage to w and reports errors
// instead of exiting.
func newFlags(name, synopsis string, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(w)
	fs.Usage = func() {
		fmt.Fprintf(w, "Cách dùng: kntc %s\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, mapping -h to errHelp and bad flags to a usage error.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelp
		}
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("tham số thừa: %v", fs.Args())}
	}
	return nil
}
