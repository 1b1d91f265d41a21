package dev.attento.serve.bench;

import dev.attento.serve.FakeEngine;
import dev.attento.serve.ServerLimits;
import dev.attento.serve.TranslationServer;
import java.util.List;

/**
 * A server over two fake engines ("reverse" and "reverse-slow", which charges 20 ms a batch),
 * for trying the API and the page before a trained model's adapter exists:
 * {@code FakeServer [port]}, then {@code curl http://127.0.0.1:8080/v1/models}. Ctrl-C stops it
 * gracefully.
 */
public final class FakeServer {

  private FakeServer() {}

  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    TranslationServer server = TranslationServer.start(
        List.of(new FakeEngine("reverse"), new FakeEngine("reverse-slow", 20_000_000, 200_000)),
        TranslationServer.DEFAULT_HOST, port, ServerLimits.defaults());
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "graceful-stop"));
    System.out.println("serving on " + server.uri());
    Thread.currentThread().join();
  }
}
