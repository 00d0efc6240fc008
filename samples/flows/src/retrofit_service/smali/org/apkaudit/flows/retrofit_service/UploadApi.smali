.class public interface abstract Lorg/apkaudit/flows/retrofit_service/UploadApi;
.super Ljava/lang/Object;
.source "UploadApi.kt"

# interface UploadApi {
#     @POST("v1/retrofit_service") suspend fun upload(@Body imei: String): Any
#     @POST("v1/retrofit_service/call") fun report(@Body imei: String): Call<Any>
# }


# virtual methods
.method public abstract report(Ljava/lang/String;)Lretrofit2/Call;
    .annotation runtime Lretrofit2/http/POST;
        value = "v1/retrofit_service/call"
    .end annotation
.end method

.method public abstract upload(Ljava/lang/String;Lkotlin/coroutines/Continuation;)Ljava/lang/Object;
    .annotation runtime Lretrofit2/http/POST;
        value = "v1/retrofit_service"
    .end annotation
.end method
