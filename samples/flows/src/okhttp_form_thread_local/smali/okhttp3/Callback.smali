.class public interface abstract Lokhttp3/Callback;
.super Ljava/lang/Object;
.source "Callback.java"

# STAND-IN STUB for the OkHttp 3 library class of the same name (com.squareup.okhttp3:okhttp 3.x).
# Real class name and real method signatures, but the bodies do nothing meaningful:
# they only let the sample app link and run. No network I/O happens here.


# virtual methods
.method public abstract onFailure(Lokhttp3/Call;Ljava/io/IOException;)V
.end method

.method public abstract onResponse(Lokhttp3/Call;Lokhttp3/Response;)V
    .annotation system Ldalvik/annotation/Throws;
        value = {
            Ljava/io/IOException;
        }
    .end annotation
.end method
