package org.vitalis.device.transport;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A pseudo-terminal pair made in process through Java's FFM API: the slave side is a real
 * serial device path (/dev/pts/N) that any program, jSerialComm included, opens like a port; the
 * master side is this object's {@link #deviceEnd()}, where a simulator plays the device. Closing
 * the pair is what pulling the cable looks like to the program on the slave side.
 */
public final class VirtualSerialPair implements AutoCloseable {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final int O_RDWR = 2;
    /** Linux value; keeps the pty from becoming this process's controlling terminal. */
    private static final int O_NOCTTY = 0x100;
    private static final int TCSANOW = 0;
    /** struct termios is 60 bytes on Linux; more is harmless and covers other Unix layouts. */
    private static final long TERMIOS_BYTES = 256;
    private static final short POLLIN = 0x1;

    private static final MethodHandle POSIX_OPENPT = fn("posix_openpt", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle GRANTPT = fn("grantpt", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle UNLOCKPT = fn("unlockpt", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle PTSNAME_R = fn("ptsname_r", FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    private static final MethodHandle OPEN = fn("open", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
            ValueLayout.JAVA_INT));
    private static final MethodHandle CLOSE = fn("close", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle READ = fn("read", FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT,
            ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    private static final MethodHandle WRITE = fn("write", FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT,
            ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    private static final MethodHandle POLL = fn("poll", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
            ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
    private static final MethodHandle TCGETATTR = fn("tcgetattr", FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
    private static final MethodHandle TCSETATTR = fn("tcsetattr", FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
    private static final MethodHandle CFMAKERAW = fn("cfmakeraw", FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));

    private final int master;
    /** Held open so that the pair lives until closed here, whoever else opens and closes the slave. */
    private final int slaveHold;
    private final String slavePath;
    private volatile boolean closed;

    private VirtualSerialPair(int master, int slaveHold, String slavePath) {
        this.master = master;
        this.slaveHold = slaveHold;
        this.slavePath = slavePath;
    }

    public static VirtualSerialPair open() throws TransportException {
        try (Arena arena = Arena.ofConfined()) {
            int m = (int) POSIX_OPENPT.invokeExact(O_RDWR | O_NOCTTY);
            if (m < 0) {
                throw new TransportException("The system would not create a virtual serial port (posix_openpt failed).");
            }
            if ((int) GRANTPT.invokeExact(m) != 0 || (int) UNLOCKPT.invokeExact(m) != 0) {
                int ignored = (int) CLOSE.invokeExact(m);
                throw new TransportException("The system would not unlock the virtual serial port (grantpt/unlockpt failed).");
            }
            MemorySegment name = arena.allocate(128);
            if ((int) PTSNAME_R.invokeExact(m, name, 128L) != 0) {
                int ignored = (int) CLOSE.invokeExact(m);
                throw new TransportException("The system did not name the virtual serial port (ptsname_r failed).");
            }
            String path = name.getString(0, StandardCharsets.US_ASCII);
            int s = (int) OPEN.invokeExact(arena.allocateFrom(path), O_RDWR | O_NOCTTY);
            if (s < 0) {
                int ignored = (int) CLOSE.invokeExact(m);
                throw new TransportException("Could not open the virtual serial port " + path + ".");
            }
            // Raw mode: a device sends binary frames; no echo, no line editing, no CR/LF translation.
            MemorySegment termios = arena.allocate(TERMIOS_BYTES);
            if ((int) TCGETATTR.invokeExact(s, termios) == 0) {
                CFMAKERAW.invokeExact(termios);
                int ignored = (int) TCSETATTR.invokeExact(s, TCSANOW, termios);
            }
            return new VirtualSerialPair(m, s, path);
        } catch (TransportException e) {
            throw e;
        } catch (Throwable t) {
            throw new TransportException("Virtual serial ports need a Unix system with pseudo-terminals: " + t.getMessage(), t);
        }
    }

    /** The path a program opens as its serial port, e.g. /dev/pts/7. */
    public String portPath() {
        return slavePath;
    }

    /** The device's end of the cable: what a simulator writes is what the port's reader receives. */
    public ByteTransport deviceEnd() {
        return new MasterEnd();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            int a = (int) CLOSE.invokeExact(slaveHold);
            int b = (int) CLOSE.invokeExact(master);
        } catch (Throwable t) {
            throw new IllegalStateException("Closing the virtual serial port failed", t);
        }
    }

    private final class MasterEnd implements ByteTransport {
        @Override
        public String describe() {
            return "device end of " + slavePath;
        }

        @Override
        public int read(byte[] buffer, int offset, int len, Duration timeout) throws IOException {
            if (closed) {
                return -1;
            }
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment pfd = arena.allocate(8);
                pfd.set(ValueLayout.JAVA_INT, 0, master);
                pfd.set(ValueLayout.JAVA_SHORT, 4, POLLIN);
                int ready = (int) POLL.invokeExact(pfd, 1L, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
                if (ready <= 0) {
                    return ready == 0 ? 0 : -1;
                }
                MemorySegment buf = arena.allocate(len);
                long n = (long) READ.invokeExact(master, buf, (long) len);
                if (n <= 0) {
                    return -1;
                }
                MemorySegment.copy(buf, ValueLayout.JAVA_BYTE, 0, buffer, offset, (int) n);
                return (int) n;
            } catch (Throwable t) {
                throw new TransportException("Reading the virtual port failed: " + t.getMessage(), t);
            }
        }

        @Override
        public void write(byte[] data) throws IOException {
            if (closed) {
                throw new TransportException("The virtual port " + slavePath + " is closed.");
            }
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment buf = arena.allocateFrom(ValueLayout.JAVA_BYTE, data);
                long done = 0;
                while (done < data.length) {
                    long n = (long) WRITE.invokeExact(master, buf.asSlice(done), (long) data.length - done);
                    if (n <= 0) {
                        throw new TransportException("Writing to the virtual port " + slavePath + " failed.");
                    }
                    done += n;
                }
            } catch (TransportException e) {
                throw e;
            } catch (Throwable t) {
                throw new TransportException("Writing to the virtual port failed: " + t.getMessage(), t);
            }
        }

        @Override
        public void close() {
            VirtualSerialPair.this.close();
        }
    }

    private static MethodHandle fn(String name, FunctionDescriptor descriptor) {
        return LIBC.find(name).map(address -> LINKER.downcallHandle(address, descriptor))
                .orElseThrow(() -> new UnsatisfiedLinkError("The C library has no " + name));
    }
}
