.class final Lorg/apkaudit/flows/okhttp_body_writeto_local/UploadCallback;
.super Ljava/lang/Object;
.source "UploadCallback.java"

# interfaces
.implements Lokhttp3/Callback;

# The response is ignored: onFailure/onResponse do nothing.


# direct methods
.method constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public onFailure(Lokhttp3/Call;Ljava/io/IOException;)V
    .registers 3

    return-void
.end method

.method public onResponse(Lokhttp3/Call;Lokhttp3/Response;)V
    .registers 3

    return-void
.end method
