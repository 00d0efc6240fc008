.class public Lorg/apkaudit/flows/js_prefs_item_unregistered/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "js_prefs_item_unregistered": 0 leaks: as js_prefs_item, but the settings bridge is never added to the WebView (another, VersionBridge, is); the app itself reads "theme" with it
# A web shell's settings bridge: the page asks for a setting by name, and the app answers from its preferences.
#
#   onCreate:
#     SpUtil.put(this, "device_id", telephonyManager.getDeviceId());
#     WebView web = new WebView(this);
#     web.getSettings().setJavaScriptEnabled(true);
#     setTitle(new PrefsBridge(this).getItem("theme"));   // never added to the WebView: the page cannot call it
#     web.addJavascriptInterface(new VersionBridge(), "Version");   // the bridge the page gets: getVersion()
#     web.loadUrl("https://api.flows.example/v1/js_prefs_item_unregistered/page.html");
#   PrefsBridge.getItem(String key) (@JavascriptInterface, called by the page):
#     return SpUtil.getString(ctx, key);              // the page names the key: "device_id" as well


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 5

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    :try_start_0
    const-string v0, "phone"

    invoke-virtual {p0, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;

    move-result-object v0

    check-cast v0, Landroid/telephony/TelephonyManager;

    # source: the device id
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;

    move-result-object v0

    const-string v1, "device_id"

    invoke-static {p0, v1, v0}, Lorg/apkaudit/flows/js_prefs_item_unregistered/SpUtil;->put(Landroid/content/Context;Ljava/lang/String;Ljava/lang/Object;)V
    :try_end_0
    .catch Ljava/lang/SecurityException; {:try_start_0 .. :try_end_0} :catch_0

    :goto_0
    new-instance v0, Landroid/webkit/WebView;

    invoke-direct {v0, p0}, Landroid/webkit/WebView;-><init>(Landroid/content/Context;)V

    invoke-virtual {v0}, Landroid/webkit/WebView;->getSettings()Landroid/webkit/WebSettings;

    move-result-object v1

    const/4 v2, 0x1

    invoke-virtual {v1, v2}, Landroid/webkit/WebSettings;->setJavaScriptEnabled(Z)V

    new-instance v1, Lorg/apkaudit/flows/js_prefs_item_unregistered/PrefsBridge;

    invoke-direct {v1, p0}, Lorg/apkaudit/flows/js_prefs_item_unregistered/PrefsBridge;-><init>(Landroid/content/Context;)V

    const-string v2, "theme"

    invoke-virtual {v1, v2}, Lorg/apkaudit/flows/js_prefs_item_unregistered/PrefsBridge;->getItem(Ljava/lang/String;)Ljava/lang/String;

    move-result-object v1

    invoke-virtual {p0, v1}, Lorg/apkaudit/flows/js_prefs_item_unregistered/MainActivity;->setTitle(Ljava/lang/CharSequence;)V

    new-instance v1, Lorg/apkaudit/flows/js_prefs_item_unregistered/VersionBridge;

    invoke-direct {v1}, Lorg/apkaudit/flows/js_prefs_item_unregistered/VersionBridge;-><init>()V

    const-string v2, "Version"

    invoke-virtual {v0, v1, v2}, Landroid/webkit/WebView;->addJavascriptInterface(Ljava/lang/Object;Ljava/lang/String;)V

    const-string v1, "https://api.flows.example/v1/js_prefs_item_unregistered/page.html"

    invoke-virtual {v0, v1}, Landroid/webkit/WebView;->loadUrl(Ljava/lang/String;)V

    invoke-virtual {p0, v0}, Lorg/apkaudit/flows/js_prefs_item_unregistered/MainActivity;->setContentView(Landroid/view/View;)V

    return-void

    :catch_0
    move-exception v0

    goto :goto_0
.end method
