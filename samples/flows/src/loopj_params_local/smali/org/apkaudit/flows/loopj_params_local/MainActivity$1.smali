.class Lorg/apkaudit/flows/loopj_params_local/MainActivity$1;
.super Lcom/loopj/android/http/AsyncHttpResponseHandler;
.source "MainActivity.java"

# The response is ignored: onSuccess/onFailure do nothing.


# annotations
.annotation system Ldalvik/annotation/EnclosingMethod;
    value = Lorg/apkaudit/flows/loopj_params_local/MainActivity;->upload(Ljava/lang/String;)V
.end annotation

.annotation system Ldalvik/annotation/InnerClass;
    accessFlags = 0x0
    name = null
.end annotation


# instance fields
.field final synthetic this$0:Lorg/apkaudit/flows/loopj_params_local/MainActivity;


# direct methods
.method constructor <init>(Lorg/apkaudit/flows/loopj_params_local/MainActivity;)V
    .registers 2

    iput-object p1, p0, Lorg/apkaudit/flows/loopj_params_local/MainActivity$1;->this$0:Lorg/apkaudit/flows/loopj_params_local/MainActivity;

    invoke-direct {p0}, Lcom/loopj/android/http/AsyncHttpResponseHandler;-><init>()V

    return-void
.end method


# virtual methods
.method public onFailure(I[Lcz/msebera/android/httpclient/Header;[BLjava/lang/Throwable;)V
    .registers 5

    return-void
.end method

.method public onSuccess(I[Lcz/msebera/android/httpclient/Header;[B)V
    .registers 4

    return-void
.end method
