.class public Lorg/apkaudit/flows/retrofit_service/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "retrofit_service" (2 leaks, network): the IMEI is handed to a Retrofit service interface,
# whose methods have no code in the app (Retrofit.create returns a proxy that sends the arguments).
#
#   String imei = ((TelephonyManager) getSystemService("phone")).getDeviceId();
#   UploadApi api = new Retrofit.Builder().baseUrl(BuildConfig.API_BASE).build().create(UploadApi.class);
#   (BuildConfig.API_BASE = "https://api.flows.example/", a static final field read with sget-object)
#   api.upload(imei, null);        // a Kotlin suspend function: the proxy sends it  <- leak 1 (onCreate)
#   reportWithCall(api, imei);     // api.report(imei).execute(): one request        <- leak 2 (reportWithCall)


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method

.method private reportWithCall(Lorg/apkaudit/flows/retrofit_service/UploadApi;Ljava/lang/String;)V
    .registers 4

    :try_start_0
    # sink: the service method; execute() runs the same request, it is not a second leak
    invoke-interface {p1, p2}, Lorg/apkaudit/flows/retrofit_service/UploadApi;->report(Ljava/lang/String;)Lretrofit2/Call;

    move-result-object v0

    invoke-interface {v0}, Lretrofit2/Call;->execute()Lretrofit2/Response;
    :try_end_0
    .catch Ljava/lang/Exception; {:try_start_0 .. :try_end_0} :catch_0

    :goto_0
    return-void

    :catch_0
    move-exception v0

    goto :goto_0
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 6

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    :try_start_0
    const-string v0, "phone"

    invoke-virtual {p0, v0}, Lorg/apkaudit/flows/retrofit_service/MainActivity;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;

    move-result-object v0

    check-cast v0, Landroid/telephony/TelephonyManager;

    # source: TelephonyManager.getDeviceId()
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;

    move-result-object v0

    new-instance v1, Lretrofit2/Retrofit$Builder;

    invoke-direct {v1}, Lretrofit2/Retrofit$Builder;-><init>()V

    sget-object v2, Lorg/apkaudit/flows/retrofit_service/BuildConfig;->API_BASE:Ljava/lang/String;

    invoke-virtual {v1, v2}, Lretrofit2/Retrofit$Builder;->baseUrl(Ljava/lang/String;)Lretrofit2/Retrofit$Builder;

    move-result-object v1

    invoke-virtual {v1}, Lretrofit2/Retrofit$Builder;->build()Lretrofit2/Retrofit;

    move-result-object v1

    const-class v2, Lorg/apkaudit/flows/retrofit_service/UploadApi;

    invoke-virtual {v1, v2}, Lretrofit2/Retrofit;->create(Ljava/lang/Class;)Ljava/lang/Object;

    move-result-object v1

    check-cast v1, Lorg/apkaudit/flows/retrofit_service/UploadApi;

    const/4 v2, 0x0

    # sink: the service method (the proxy sends imei)
    invoke-interface {v1, v0, v2}, Lorg/apkaudit/flows/retrofit_service/UploadApi;->upload(Ljava/lang/String;Lkotlin/coroutines/Continuation;)Ljava/lang/Object;

    invoke-direct {p0, v1, v0}, Lorg/apkaudit/flows/retrofit_service/MainActivity;->reportWithCall(Lorg/apkaudit/flows/retrofit_service/UploadApi;Ljava/lang/String;)V
    :try_end_0
    .catch Ljava/lang/Exception; {:try_start_0 .. :try_end_0} :catch_0

    :goto_0
    return-void

    :catch_0
    move-exception v0

    goto :goto_0
.end method
