.class final Lokhttp3/RealCall;
.super Ljava/lang/Object;
.source "RealCall.java"

# interfaces
.implements Lokhttp3/Call;

# STAND-IN STUB for the OkHttp 3 library class of the same name (com.squareup.okhttp3:okhttp 3.x).
# Real class name and real method signatures, but the bodies do nothing meaningful:
# they only let the sample app link and run. No network I/O happens here.


# instance fields
.field final client:Lokhttp3/OkHttpClient;

.field final originalRequest:Lokhttp3/Request;


# direct methods
.method constructor <init>(Lokhttp3/OkHttpClient;Lokhttp3/Request;)V
    .registers 3

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    iput-object p1, p0, Lokhttp3/RealCall;->client:Lokhttp3/OkHttpClient;

    iput-object p2, p0, Lokhttp3/RealCall;->originalRequest:Lokhttp3/Request;

    return-void
.end method


# virtual methods
.method public enqueue(Lokhttp3/Callback;)V
    .registers 2

    return-void
.end method

.method public execute()Lokhttp3/Response;
    .registers 3

    new-instance v0, Lokhttp3/Response;

    iget-object v1, p0, Lokhttp3/RealCall;->originalRequest:Lokhttp3/Request;

    invoke-direct {v0, v1}, Lokhttp3/Response;-><init>(Lokhttp3/Request;)V

    return-object v0
.end method

.method public request()Lokhttp3/Request;
    .registers 2

    iget-object v0, p0, Lokhttp3/RealCall;->originalRequest:Lokhttp3/Request;

    return-object v0
.end method
