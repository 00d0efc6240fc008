.class public Lorg/apkaudit/flows/js_contacts/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "js_contacts" (1 leak, webview).
#
#   onCreate:
#     WebView web = new WebView(this);
#     web.getSettings().setJavaScriptEnabled(true);
#     web.addJavascriptInterface(new ContactsBridge(this), "Android");
#     web.loadUrl("https://api.flows.example/v1/js_contacts/page.html");
#   ContactsBridge.getContacts() (@JavascriptInterface, called by the page):
#     Cursor c = ctx.getContentResolver().query(Phone.CONTENT_URI, ...);
#     while (c.moveToNext()) sb.append(c.getString(c.getColumnIndex("data1"))).append(',');
#     return sb.toString();                          // <- the leak: the page gets the list


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

    new-instance v0, Landroid/webkit/WebView;

    invoke-direct {v0, p0}, Landroid/webkit/WebView;-><init>(Landroid/content/Context;)V

    invoke-virtual {v0}, Landroid/webkit/WebView;->getSettings()Landroid/webkit/WebSettings;

    move-result-object v1

    const/4 v2, 0x1

    invoke-virtual {v1, v2}, Landroid/webkit/WebSettings;->setJavaScriptEnabled(Z)V

    new-instance v1, Lorg/apkaudit/flows/js_contacts/ContactsBridge;

    invoke-direct {v1, p0}, Lorg/apkaudit/flows/js_contacts/ContactsBridge;-><init>(Landroid/content/Context;)V

    const-string v2, "Android"

    invoke-virtual {v0, v1, v2}, Landroid/webkit/WebView;->addJavascriptInterface(Ljava/lang/Object;Ljava/lang/String;)V

    const-string v1, "https://api.flows.example/v1/js_contacts/page.html"

    invoke-virtual {v0, v1}, Landroid/webkit/WebView;->loadUrl(Ljava/lang/String;)V

    invoke-virtual {p0, v0}, Lorg/apkaudit/flows/js_contacts/MainActivity;->setContentView(Landroid/view/View;)V

    return-void
.end method
