package io.marquee.api.hits;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

import io.marquee.api.access.Admissions;
import io.marquee.api.identity.Caller;
import io.marquee.api.identity.Callers;

/**
 * One connection's handler, right after the HTTP codec: answers a request that has a fresh recorded response, and
 * passes every other message on. Only while no request it passed on is still being answered, so that responses
 * keep the order of their requests on a pipelining connection.
 */
final class HitHandler extends ChannelDuplexHandler {

    private final Hits hits;
    private final Callers callers;
    private final boolean secure;
    /** A request passed on whose response has not been written whole. */
    private boolean inFlight;
    /** The rest (body, end) of a request answered here. */
    private boolean discarding;

    HitHandler(Hits hits, Callers callers, boolean secure) {
        this.hits = hits;
        this.callers = callers;
        this.secure = secure;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            if (!inFlight && request.decoderResult().isSuccess() && answered(ctx, request)) {
                discarding = !(msg instanceof LastHttpContent);
                ReferenceCountUtil.release(msg);
                // The stack reads a connection's next request when it has answered one (auto-read is off between
                // requests); it never saw this one, so the next read is asked for here.
                if (!ctx.channel().config().isAutoRead()) {
                    ctx.read();
                }
                return;
            }
            inFlight = true;
            discarding = false;
        }
        else if (discarding && msg instanceof HttpContent content) {
            discarding = !(content instanceof LastHttpContent);
            content.release();
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        // The end of a response, but not of an interim one (100 Continue): the request passed on is answered.
        if (msg instanceof LastHttpContent && !(msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL)) {
            inFlight = false;
        }
        ctx.write(msg, promise);
    }

    private boolean answered(ChannelHandlerContext ctx, HttpRequest request) {
        long start = System.nanoTime();
        HttpHeaders headers = request.headers();
        if (!HitRequests.answerable(request.method(), request.protocolVersion(), headers.iteratorCharSequence())) {
            return false;
        }
        Hit hit = hits.fresh(HitKey.of(request.uri(), headers, secure));
        if (hit == null) {
            return false;
        }
        Caller caller = callers.identify(headers::get, headers::getAll, (InetSocketAddress) ctx.channel().remoteAddress());
        Optional<Admissions.Admitted> admitted = hit.gate().admit(headers::get, caller.source());
        if (admitted.isEmpty()) {
            return false;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        hits.answered();
        ChannelFuture written = ctx.writeAndFlush(hit.response(caller.requestId(), admitted.get(), keepAlive));
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
        hit.timer(admitted.get().clientId()).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return true;
    }
}
