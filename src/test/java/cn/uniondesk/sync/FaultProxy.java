package cn.uniondesk.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of the intake that breaks connections on purpose (TLS passes through it
 * untouched): cut at once, cut after N bytes of the request, or forward the whole request and
 * drop the server's answer. The fault applies to the next {@code count} connections, then it
 * passes everything.
 */
final class FaultProxy implements AutoCloseable {
    enum Fault { NONE, CUT_BEFORE_SENDING, CUT_MID_BODY, DROP_RESPONSE }

    private final ServerSocket listener;
    private final int target;
    private volatile Fault fault = Fault.NONE;
    private final AtomicInteger remaining = new AtomicInteger();
    private volatile long bytes;
    final AtomicInteger connections = new AtomicInteger();

    FaultProxy(int target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "fault-proxy");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The next {@code count} connections get {@code f}; {@code n} is the byte count for the cut or drop. */
    void failNext(Fault f, int count, long n) {
        this.fault = f;
        this.bytes = n;
        remaining.set(count);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                connections.incrementAndGet();
                Fault f = remaining.getAndDecrement() > 0 ? fault : Fault.NONE;
                if (f == Fault.CUT_BEFORE_SENDING) {
                    client.close();
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                AtomicLong up = new AtomicLong();
                long n = bytes;
                Thread a = new Thread(() -> pump(client, server, up, f == Fault.CUT_MID_BODY ? n : Long.MAX_VALUE),
                        "proxy-up");
                Thread b = new Thread(() -> pumpDown(server, client, up, f == Fault.DROP_RESPONSE ? n : Long.MAX_VALUE),
                        "proxy-down");
                a.setDaemon(true);
                b.setDaemon(true);
                a.start();
                b.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Client to server, closing both after {@code limit} bytes. */
    private static void pump(Socket from, Socket to, AtomicLong count, long limit) {
        byte[] buf = new byte[4096];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int r;
            while ((r = in.read(buf)) > 0) {
                long allowed = limit - count.get();
                if (allowed <= 0) {
                    break;
                }
                int w = (int) Math.min(r, allowed);
                out.write(buf, 0, w);
                out.flush();
                count.addAndGet(w);
                if (w < r) {
                    break;
                }
            }
        } catch (IOException e) {
            // connection ended
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Server to client; once the request has passed ({@code up >= dropAfter}), the answer is dropped. */
    private static void pumpDown(Socket from, Socket to, AtomicLong up, long dropAfter) {
        byte[] buf = new byte[4096];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int r;
            while ((r = in.read(buf)) > 0) {
                if (up.get() >= dropAfter) {
                    closeQuietly(to);
                    // let the server finish its answer into the void
                    while (in.read(buf) > 0) {
                        // drain
                    }
                    break;
                }
                out.write(buf, 0, r);
                out.flush();
            }
        } catch (IOException e) {
            // connection ended
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
