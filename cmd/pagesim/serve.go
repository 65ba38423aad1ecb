package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"pagingplayground/web"
)

// serveCmd is `pagesim serve`: it serves the built playground (dist/, made by
// ./build.sh build) on 127.0.0.1:8080 until interrupted.
func serveCmd(args []string) int {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fl.String("addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free one)")
	dir := fl.String("dir", "dist", "the built site: ./build.sh build writes it")
	fl.Usage = func() {
		fmt.Fprintln(fl.Output(), "usage: pagesim serve [-addr 127.0.0.1:8080] [-dir dist]")
		fmt.Fprintln(fl.Output(), "Serves the playground in the browser. Build it first with ./build.sh build (or use ./build.sh serve).")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fl.NArg() > 0 {
		fl.Usage()
		return 2
	}
	h, err := web.Handler(os.DirFS(*dir))
	if err != nil {
		fmt.Fprintf(os.Stderr, "pagesim serve: %s: %v\n", *dir, err)
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "pagesim serve:", err)
		return 1
	}
	srv := web.NewServer(h)
	fmt.Printf("Paging Playground: http://%s/  (Ctrl-C stops)\n", ln.Addr())

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		fmt.Fprintln(os.Stderr, "pagesim serve:", err)
		return 1
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	srv.Shutdown(shutdown)
	return 0
}
